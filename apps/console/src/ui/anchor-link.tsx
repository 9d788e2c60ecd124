import { Anchor, type AnchorProps } from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';
import { type AnchorHTMLAttributes, forwardRef } from 'react';

type MantineAnchorProps = AnchorProps & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'color' | 'style'>;

const MantineAnchor = forwardRef<HTMLAnchorElement, MantineAnchorProps>((props, ref) => (
  <Anchor component="a" ref={ref} {...props} />
));
MantineAnchor.displayName = 'MantineAnchor';

const RouterAnchor = createLink(MantineAnchor);

// A Mantine Anchor that is a router link, typed against the app's routes (to, params and search are checked);
// Anchor's `component={Link}` would lose those types.
export const AnchorLink: LinkComponent<typeof MantineAnchor> = (props) => <RouterAnchor preload="intent" {...props} />;

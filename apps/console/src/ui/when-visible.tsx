import { Box } from '@mantine/core';
import { type ReactNode, useEffect, useRef, useState } from 'react';

// Renders its children once their place has scrolled into view: what lies below the fold (the overview's
// charts and their chart library) is not part of the first screen's JavaScript. Without IntersectionObserver
// it renders at once.
export function WhenVisible({ children, minHeight }: { children: ReactNode; minHeight: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(() => typeof IntersectionObserver === 'undefined');

  useEffect(() => {
    const element = ref.current;
    if (visible || element === null) return undefined;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setVisible(true);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [visible]);

  return (
    <Box ref={ref} mih={minHeight}>
      {visible ? children : null}
    </Box>
  );
}

import { createRootRoute } from '@tanstack/react-router';
import { Layout } from './layout';
import { NotFound } from './not-found';

// Every screen is a child of this route; features declare theirs against it (src/features/*/…routes.ts).
export const rootRoute = createRootRoute({ component: Layout, notFoundComponent: NotFound });

import type { DUO_EDITIONS } from '@seatwise/shared/contracts/duo-events';

export type DuoEdition = (typeof DUO_EDITIONS)[number];

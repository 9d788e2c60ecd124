import type { PairingKind } from './pairing';
import type { Product } from './products';

// In-memory records. Times are epoch ms on whole seconds (ConnectWise reports second precision).

export interface Addition {
  id: number;
  agreementId: number;
  productId: number;
  quantity: number;
  unitPrice: number;
  unitCost: number;
  lessIncluded: number;
  description: string;
  invoiceDescription: string;
  billCustomer: 'Billable' | 'DoNotBill' | 'NoCharge';
  taxableFlag: boolean;
  effectiveDate: number;
  cancelledDate: number | null;
  dateEntered: number;
  lastUpdated: number;
  updatedBy: string;
}

export interface Agreement {
  id: number;
  name: string;
  companyId: number;
  typeName: string;
  cancelled: boolean;
  startDate: number;
  dateEntered: number;
  lastUpdated: number;
  additions: Addition[];
}

export interface Company {
  id: number;
  identifier: string;
  name: string;
  pairing: PairingKind;
  pairedDuoAccountId: string | null;
  // Billable seats of the paired Duo account (what a correct reconciliation sets the Duo addition to).
  duoBillableSeats: number | null;
  dateEntered: number;
  lastUpdated: number;
  agreements: Agreement[];
}

// A ConnectWise service board (Service › Setup › Service Board): where tickets are filed.
export interface Board {
  id: number;
  name: string;
  inactive: boolean;
  // Project boards hold project tickets; service tickets are not filed on them.
  projectFlag: boolean;
  location: { id: number; name: string };
  department: { id: number; name: string };
}

// A service ticket filed through the API (the seeded world has none).
export interface Ticket {
  id: number;
  summary: string;
  // CW takes it on POST only and never returns it; the truth keeps it so specs can read what was filed.
  initialDescription: string;
  boardId: number;
  companyId: number;
  statusName: string;
  externalXRef: string | null;
  dateEntered: number;
  lastUpdated: number;
  enteredBy: string;
}

export interface Credentials {
  companyId: string;
  publicKey: string;
  privateKey: string;
  clientId: string;
}

export interface World {
  companies: Company[];
  catalog: Product[];
  agreements: Agreement[];
  companyById: Map<number, Company>;
  agreementById: Map<number, Agreement>;
  productById: Map<number, Product>;
  boards: Board[];
  // Filed through POST /service/tickets, in id order.
  tickets: Ticket[];
  credentials: Credentials;
  // ISO 4217 code the PSA bills in (one per PSA database here).
  currency: string;
  // Newest lastUpdated anywhere; mutations stamp strictly after it so `lastUpdated > [watermark]` finds them.
  newestStamp: number;
}

export const DAY = 86_400_000;

// Whole-second stamp for a mutation: now, but never at or before the newest stamp already handed out.
export function nextStamp(world: World, now: number): number {
  const stamp = Math.max(Math.floor(now / 1000) * 1000, world.newestStamp + 1000);
  world.newestStamp = stamp;
  return stamp;
}

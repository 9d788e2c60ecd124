import type { World } from './model';
import type { PairingKind } from './pairing';

export interface TruthAddition {
  id: number;
  productIdentifier: string;
  productId: number;
  quantity: number;
  cancelled: boolean;
}
export interface TruthAgreement {
  id: number;
  name: string;
  cancelled: boolean;
  additions: TruthAddition[];
}
export interface TruthCompany {
  id: number;
  identifier: string;
  name: string;
  // Outside CW's surface: which Duo account (if any) this company was generated from, and how its name relates.
  pairedDuoAccountId: string | null;
  pairing: PairingKind;
  // The paired Duo account's billable seats (null when unpaired); compare with the Duo additions' quantities.
  duoBillableSeats: number | null;
  agreements: TruthAgreement[];
}
export interface TruthBoard {
  id: number;
  name: string;
  inactive: boolean;
  projectFlag: boolean;
}
// A ticket as filed, with what CW keeps but never answers (initialDescription).
export interface TruthTicket {
  id: number;
  summary: string;
  initialDescription: string;
  boardId: number;
  companyId: number;
  status: string;
  externalXRef: string | null;
  dateEntered: string;
}
export interface Truth {
  companies: TruthCompany[];
  // Service boards and the tickets filed on them (ConnectWise mode files tickets; other modes have none).
  boards: TruthBoard[];
  tickets: TruthTicket[];
}

// The current state (after PATCHes), read straight from the in-memory records.
export function truthOf(world: World): Truth {
  return {
    boards: world.boards.map((b) => ({ id: b.id, name: b.name, inactive: b.inactive, projectFlag: b.projectFlag })),
    tickets: world.tickets.map((t) => ({
      id: t.id,
      summary: t.summary,
      initialDescription: t.initialDescription,
      boardId: t.boardId,
      companyId: t.companyId,
      status: t.statusName,
      externalXRef: t.externalXRef,
      dateEntered: new Date(t.dateEntered).toISOString(),
    })),
    companies: world.companies.map((c) => ({
      id: c.id,
      identifier: c.identifier,
      name: c.name,
      pairedDuoAccountId: c.pairedDuoAccountId,
      pairing: c.pairing,
      duoBillableSeats: c.duoBillableSeats,
      agreements: c.agreements.map((a) => ({
        id: a.id,
        name: a.name,
        cancelled: a.cancelled,
        additions: a.additions.map((x) => ({
          id: x.id,
          productIdentifier: world.productById.get(x.productId)?.identifier ?? '',
          productId: x.productId,
          quantity: x.quantity,
          cancelled: x.cancelledDate !== null,
        })),
      })),
    })),
  };
}

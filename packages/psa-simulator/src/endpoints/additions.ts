import { patchAddition } from '../cw/json-patch';
import { newAddition } from '../cw/new-addition';
import { addLine } from '../data/mutations';
import { additionJson } from '../cw/serialize';
import { nextStamp, type Addition } from '../data/model';
import { CwError } from '../errors';
import { numericId } from './list';
import type { Ctx, Route } from './route';

function additionArg(ctx: Ctx): Addition {
  const agreementId = numericId(ctx.args[0], 'Agreement');
  const agreement = ctx.world.agreementById.get(agreementId);
  if (!agreement) throw CwError.notFound(`Agreement with id ${agreementId} was not found.`);
  const id = numericId(ctx.args[1], 'Agreement addition');
  const addition = agreement.additions.find((x) => x.id === id);
  if (!addition) throw CwError.notFound(`Agreement addition with id ${id} was not found on agreement ${agreementId}.`);
  return addition;
}

// PATCH validates the whole patch first (nothing changes on a 400), then applies it in memory, stamps
// _info.lastUpdated strictly after every earlier stamp and updatedBy with the caller, and answers the updated
// addition as CW does. The agreement's own lastUpdated is left alone (CW's behaviour there is not documented).
function patch(ctx: Ctx): { body: unknown } {
  const addition = additionArg(ctx);
  const changes = patchAddition(ctx.body);
  Object.assign(addition, changes, { lastUpdated: nextStamp(ctx.world, ctx.now), updatedBy: ctx.member });
  return { body: additionJson(ctx.world, addition) };
}

// POST creates a line on an active agreement (CW's AgreementAdditionsAPI); a cancelled or unknown agreement is
// refused and nothing is created.
function create(ctx: Ctx): { status: number; body: unknown } {
  const agreementId = numericId(ctx.args[0], 'Agreement');
  const agreement = ctx.world.agreementById.get(agreementId);
  if (!agreement) throw CwError.notFound(`Agreement with id ${agreementId} was not found.`);
  const line = newAddition(agreementId, ctx.body, (id) => ctx.world.productById.has(id));
  if (agreement.cancelled) {
    throw CwError.invalidObject('agreementAddition', [
      {
        code: 'InvalidField',
        message: `Agreement ${agreementId} is cancelled.`,
        resource: 'agreementAddition',
        field: 'agreementId',
      },
    ]);
  }
  const addition = addLine(ctx.world, line, ctx.now, ctx.member);
  return { status: 201, body: additionJson(ctx.world, addition) };
}

export const ADDITION_ROUTES: Route[] = [
  { method: 'POST', pattern: /^\/finance\/agreements\/([^/]+)\/additions$/, handler: create },
  {
    method: 'GET',
    pattern: /^\/finance\/agreements\/([^/]+)\/additions\/([^/]+)$/,
    handler: (c) => ({ body: additionJson(c.world, additionArg(c)) }),
  },
  { method: 'PATCH', pattern: /^\/finance\/agreements\/([^/]+)\/additions\/([^/]+)$/, handler: patch },
];

import type { ActivityDoc } from '../../inventory/activity.repository';
import type { ServiceDoc } from '../../inventory/services.repository';
import type { UsageDoc } from '../../inventory/usage.repository';
import type { UserDoc } from '../../inventory/users.repository';

// One document a batch writes, as it will be after the batch, and whether the batch creates it
// (services, usage) or first sees it in the logs (users). The planner's output, and in rewrite mode
// the redo log's content. Day counts have no `created`: nothing is announced for them.
export type RedoEntry =
  | { coll: 'usage'; doc: UsageDoc; created: boolean }
  | { coll: 'services'; doc: ServiceDoc; created: boolean }
  | { coll: 'users'; doc: UserDoc; created: boolean }
  | { coll: 'activity'; doc: ActivityDoc };

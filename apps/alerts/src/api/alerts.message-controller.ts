import { Controller } from '@nestjs/common';
import { Rpc } from '@seatwise/platform/rpc/rpc.decorator';
import type { RpcInput } from '@seatwise/shared/contracts/rpcs';
import { AlertsQuery } from '../alerts/alerts.query';
import { DeliveriesQuery } from '../delivery/deliveries.query';

// Alerts (open and resolved) and the delivery log: read only.
@Controller()
export class AlertsMessageController {
  constructor(
    private readonly alerts: AlertsQuery,
    private readonly deliveries: DeliveriesQuery,
  ) {}

  @Rpc('alerts.alerts.list')
  list(request: RpcInput<'alerts.alerts.list'>) {
    return this.alerts.list(request);
  }

  @Rpc('alerts.alerts.get')
  get(request: RpcInput<'alerts.alerts.get'>) {
    return this.alerts.get(request.id);
  }

  @Rpc('alerts.deliveries.list')
  deliveriesList(request: RpcInput<'alerts.deliveries.list'>) {
    return this.deliveries.list(request);
  }
}

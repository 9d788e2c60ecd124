import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { IntegrationView } from '@seatwise/shared/contracts/connector-rpcs';
import { idRequestSchema, integrationInputSchema } from '@seatwise/shared/contracts/connector-rpcs';
import { integrationId } from '@seatwise/shared/contracts/common';
import { parseOrThrow } from '@seatwise/shared/validation/parse';
import { type IntegrationWithReport, IntegrationsService } from './integrations.service';

const updateSchema = integrationInputSchema.partial().extend({ id: integrationId }).strict();

@Controller()
export class IntegrationsMessageController {
  constructor(private readonly integrations: IntegrationsService) {}

  @MessagePattern('duo-connector.integrations.create')
  create(@Payload() payload: unknown): Promise<IntegrationWithReport> {
    return this.integrations.create(payload);
  }

  @MessagePattern('duo-connector.integrations.update')
  update(@Payload() payload: unknown): Promise<IntegrationWithReport> {
    const { id, ...changes } = parseOrThrow(updateSchema, payload, 'integration update');
    return this.integrations.update(id, changes);
  }

  @MessagePattern('duo-connector.integrations.delete')
  async delete(@Payload() payload: unknown): Promise<{ deleted: true }> {
    await this.integrations.delete(parseOrThrow(idRequestSchema, payload, 'request').id);
    return { deleted: true };
  }

  @MessagePattern('duo-connector.integrations.get')
  get(@Payload() payload: unknown): Promise<IntegrationView> {
    return this.integrations.get(parseOrThrow(idRequestSchema, payload, 'request').id);
  }

  @MessagePattern('duo-connector.integrations.list')
  async list(): Promise<{ items: IntegrationView[] }> {
    return { items: await this.integrations.list() };
  }

  @MessagePattern('duo-connector.integrations.sync-now')
  async syncNow(@Payload() payload: unknown): Promise<{ accepted: true }> {
    await this.integrations.syncNow(parseOrThrow(idRequestSchema, payload, 'request').id);
    return { accepted: true };
  }
}

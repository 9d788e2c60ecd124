import { runService } from '@seatwise/platform/bootstrap/run-service';
import { envSchema } from '@seatwise/shared/config/alerts-env';
import { service } from './service';

runService(service, envSchema);

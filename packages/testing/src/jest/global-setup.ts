import { provisionInfrastructure, type Infrastructure } from '../infra/provision';
import { MAILPIT_HOWTO, MailpitServer } from '../infra/mailpit-server';

declare global {
  // Shared only between globalSetup and globalTeardown, which run in the same process.
  var __seatwiseInfra: Infrastructure | undefined;
  var __seatwiseMailpit: MailpitServer | undefined;
}

export default async function globalSetup(): Promise<void> {
  const [infra, mailpit] = await Promise.all([provisionInfrastructure(), startMailpit()]);
  globalThis.__seatwiseInfra = infra;
  // Test workers are forked after this and inherit the environment.
  process.env['SEATWISE_TEST_NATS_URL'] = infra.nats.url;
  process.env['SEATWISE_TEST_MONGO_URL'] = infra.mongo.url;
  process.stdout.write(`\n[harness] NATS: ${infra.nats.description}\n[harness] Mongo: ${infra.mongo.description}\n`);
  if (mailpit) {
    globalThis.__seatwiseMailpit = mailpit;
    const { smtpHost, smtpPort, httpUrl } = mailpit.urls;
    process.env['SEATWISE_TEST_MAILPIT_SMTP'] = `${smtpHost}:${smtpPort}`;
    process.env['SEATWISE_TEST_MAILPIT_HTTP'] = httpUrl;
    process.stdout.write(`[harness] Mailpit: ${mailpit.description}\n`);
  } else {
    // Only the specs that send email need it; they fail naming SEATWISE_TEST_MAILPIT_* (harnessMailpit).
    process.stdout.write(`[harness] Mailpit: not installed. ${MAILPIT_HOWTO}\n`);
  }
}

// The SMTP server the alerts specs send email to (read back through its HTTP API).
async function startMailpit(): Promise<MailpitServer | null> {
  const mailpit = await MailpitServer.create();
  await mailpit?.start();
  return mailpit;
}

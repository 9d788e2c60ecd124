import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { APP_ENV } from '@seatwise/platform/tokens';
import type { Env } from '@seatwise/shared/config/alerts-env';
import { AppError } from '@seatwise/shared/errors/app-error';
import { createTransport, type Transporter } from 'nodemailer';
import type { EmailContent } from './email-content';

export interface OutgoingMail extends EmailContent {
  to: string[];
}

// The SMTP server (ALERTS_SMTP_*) behind one injectable: the email sender's only side effect. One pooled-free
// transport: each send is its own SMTP conversation, so a dropped connection never poisons the next send.
@Injectable()
export class SmtpTransport implements OnModuleDestroy {
  private readonly transporter: Transporter;
  private readonly from: string;

  constructor(@Inject(APP_ENV) env: Env) {
    const user = env.ALERTS_SMTP_USER;
    const pass = env.ALERTS_SMTP_PASSWORD;
    if ((user === undefined) !== (pass === undefined)) {
      throw new AppError('CONFIG.INVALID', 'ALERTS_SMTP_USER and ALERTS_SMTP_PASSWORD are set together or not at all');
    }
    this.from = env.ALERTS_SMTP_FROM;
    this.transporter = createTransport({
      host: env.ALERTS_SMTP_HOST,
      port: env.ALERTS_SMTP_PORT,
      secure: env.ALERTS_SMTP_SECURE,
      requireTLS: env.ALERTS_SMTP_REQUIRE_TLS,
      ...(user !== undefined && pass !== undefined ? { auth: { user, pass } } : {}),
      connectionTimeout: env.ALERTS_SMTP_TIMEOUT_MS,
      greetingTimeout: env.ALERTS_SMTP_TIMEOUT_MS,
      socketTimeout: env.ALERTS_SMTP_TIMEOUT_MS,
    });
  }

  // Resolves with the server's final answer ("250 OK …"); rejects with nodemailer's error (code, responseCode).
  async send(mail: OutgoingMail): Promise<string> {
    const info = await this.transporter.sendMail({
      from: this.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      // Automatic mail: no out-of-office replies back to the sender (RFC 3834).
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
    return typeof info.response === 'string' ? info.response : 'accepted';
  }

  onModuleDestroy(): void {
    this.transporter.close();
  }
}

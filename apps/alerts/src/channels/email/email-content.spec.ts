import { hostileAlert, notificationOf } from '../__fixtures__/notifications';
import { emailContent, escapeHtml, messageIdOf } from './email-content';

describe('email content', () => {
  it('escapes the five HTML-significant characters and nothing else', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp; Zürich</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp; Zürich&lt;/a&gt;',
    );
  });

  it('puts no markup from the data into the HTML body, only its escaped text', () => {
    const { html } = emailContent(notificationOf('n1', [hostileAlert()]));
    // The only tags are the template's own.
    const tags = new Set([...html.matchAll(/<\/?([a-z0-9!]+)/gi)].map((m) => m[1]!.toLowerCase()));
    expect([...tags].sort()).toEqual(['!doctype', 'body', 'br', 'h1', 'h2', 'html', 'p', 'table', 'td', 'th', 'tr']);
    expect(html).toContain('Sync failing for &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Sync &lt;in&gt; error (sync-error)');
    expect(html).toContain('Duo answered 40103 &#39;invalid signature&#39;<br>since 10:00 &amp; still failing');
  });

  it('keeps the text body as the data is, and the subject on one line', () => {
    const content = emailContent(
      notificationOf('n1', [hostileAlert({ title: 'Line one\r\nBcc: victim@example.com' })]),
    );
    expect(content.subject).toBe(
      '[Seatwise] Alert: Line one Bcc: victim@example.com — Acme & <Sons> "Ltd" — Zürich (DA123)',
    );
    expect(content.subject).not.toMatch(/[\r\n]/);
    expect(content.text).toContain('Rule: Sync <in> error (sync-error)');
    expect(content.text).toContain('minutes: 45');
    expect(content.text).toContain('note: null');
  });

  it('says resolved, and counts a digest', () => {
    const resolved = hostileAlert({ state: 'resolved', resolvedAt: '2026-12-01T11:00:00.000Z', accountId: null });
    expect(emailContent(notificationOf('n2', [resolved], 'resolved')).subject).toBe(
      '[Seatwise] Resolved: Sync failing for <script>alert(1)</script>',
    );
    expect(emailContent(notificationOf('n2', [resolved], 'resolved')).text).toContain(
      'Resolved: 2026-12-01T11:00:00.000Z',
    );
    expect(emailContent(notificationOf('n3', [hostileAlert(), resolved], 'digest')).subject).toBe(
      '[Seatwise] Digest: 2 alerts',
    );
  });

  it('derives a stable Message-ID from the notification id, kept to dot-atom characters', () => {
    expect(messageIdOf('alert_1.opened.ach_2')).toBe('<alert_1.opened.ach_2@alerts.seatwise>');
    expect(messageIdOf('a b<c>@d')).toBe('<a-b-c--d@alerts.seatwise>');
    expect(emailContent(notificationOf('x.y', [hostileAlert()])).messageId).toBe(messageIdOf('x.y'));
  });
});

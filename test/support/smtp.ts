import { SMTPServer } from 'smtp-server';

export interface Mail {
  to: string[];
  raw: string;
  /** The raw message with quoted-printable undone, so tests can look for Chinese text in it. */
  text: string;
}

function decodeQuotedPrintable(raw: string): string {
  const bytes = raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** An SMTP server on loopback where the test stack sends e-mail reminders (SMTP_URL). */
export async function smtpReceiver(): Promise<{ mails: Mail[]; close: () => Promise<void> }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (c) => (raw += c));
      stream.on('end', () => {
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          text: decodeQuotedPrintable(raw),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) =>
    server.listen(Number(process.env.TEST_SMTP_PORT), '127.0.0.1', resolve),
  );
  return { mails, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

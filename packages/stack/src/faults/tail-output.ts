import { formatLine } from '../process/log-format';
import type { LogOutput } from '../process/log-output';

const LINES_PER_SOURCE = 30;

// Keeps each process's last lines in memory instead of printing them: a fault run's services log thousands of
// lines (every kill makes the survivors complain), and only the last ones say why a run failed. Kept by name, so a
// replica started again after a kill adds to its predecessor's lines.
export class TailOutput implements LogOutput {
  private readonly tails = new Map<string, string[]>();

  line(source: string, raw: string): void {
    const { text } = formatLine(raw);
    if (text === '') return;
    const tail = this.tails.get(source) ?? [];
    tail.push(`${new Date().toISOString().slice(11, 23)} ${text}`);
    if (tail.length > LINES_PER_SOURCE) tail.shift();
    this.tails.set(source, tail);
  }

  // Every process's last lines, process by process.
  dump(): string {
    return [...this.tails]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([source, lines]) => `--- ${source} ---\n${lines.join('\n')}`)
      .join('\n');
  }
}

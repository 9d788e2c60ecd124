import { formatLine } from './log-format';

// Prefixed, coloured lines for every process of the stack; colours only on a TTY and without NO_COLOR.
const PALETTE = [36, 35, 33, 32, 34, 96, 95, 93, 92, 94];
const WIDTH = 10;

export interface LogOutput {
  line(source: string, text: string, isError?: boolean): void;
}

export class TerminalOutput implements LogOutput {
  private readonly colours = new Map<string, number>();

  constructor(
    private readonly stream: NodeJS.WriteStream = process.stdout,
    private readonly colour = stream.isTTY && !process.env['NO_COLOR'] && process.env['TERM'] !== 'dumb',
  ) {}

  line(source: string, raw: string, isError = false): void {
    const { text, level } = formatLine(raw);
    if (text === '') return;
    const prefix = `[${source}]`.padEnd(WIDTH + 2);
    const loud = isError || (level !== null && level >= 50);
    const warn = level === 40;
    if (!this.colour) {
      this.stream.write(`${prefix} ${text}\n`);
      return;
    }
    const body = loud ? paint(31, text) : warn ? paint(33, text) : text;
    this.stream.write(`${paint(this.colourOf(source), prefix)} ${body}\n`);
  }

  private colourOf(source: string): number {
    let code = this.colours.get(source);
    if (code === undefined) {
      code = PALETTE[this.colours.size % PALETTE.length] ?? 36;
      this.colours.set(source, code);
    }
    return code;
  }
}

function paint(code: number, text: string): string {
  return `\u001b[${code}m${text}\u001b[0m`;
}

import type { Logger } from '../service/logger';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof LEVELS;
export const logLevels = Object.keys(LEVELS) as LogLevel[];

export function isLogLevel(name: string): name is LogLevel {
  return Object.hasOwn(LEVELS, name);
}

/**
 * The local stand-in for Powertools' Logger: one JSON object a line on stdout, with the
 * same fields (level, message, service, timestamp) plus the attributes.
 */
export class JsonConsoleLogger implements Logger {
  private readonly threshold: number;

  constructor(
    private readonly service: string,
    level: LogLevel = 'info',
    private readonly write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  ) {
    this.threshold = LEVELS[level];
  }

  debug(message: string, ...attributes: Record<string, unknown>[]): void {
    this.log('debug', message, attributes);
  }

  info(message: string, ...attributes: Record<string, unknown>[]): void {
    this.log('info', message, attributes);
  }

  warn(message: string, ...attributes: Record<string, unknown>[]): void {
    this.log('warn', message, attributes);
  }

  error(message: string, ...attributes: Record<string, unknown>[]): void {
    this.log('error', message, attributes);
  }

  private log(level: Exclude<LogLevel, 'silent'>, message: string, attributes: Record<string, unknown>[]): void {
    if (LEVELS[level] < this.threshold) return;
    this.write(JSON.stringify({ level: level.toUpperCase(), message, service: this.service, timestamp: new Date().toISOString(), ...Object.assign({}, ...attributes) }));
  }
}

/** Facts about the machine a report was measured on (figures only compare on similar ones). */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface Machine {
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  freeMemoryGiB: number;
  loadAverage: number[];
  os: string;
  node: string;
  chromium: string;
}

const gib = (bytes: number) => Math.round((bytes / 1024 ** 3) * 10) / 10;

function osName(): string {
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(release)?.[1];
    if (pretty) return `${pretty} (${os.platform()} ${os.release()})`;
  } catch {
    // not Linux, or no os-release
  }
  return `${os.platform()} ${os.release()}`;
}

export function chromiumPath(): string {
  return process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
}

export function machineFacts(): Machine {
  let chromium = 'unknown';
  try {
    chromium = execFileSync(chromiumPath(), ['--version'], { encoding: 'utf8', stdio: 'pipe' })
      .trim()
      .replace(/\s+/g, ' ');
  } catch {
    chromium = `not found at ${chromiumPath()}`;
  }
  const cpus = os.cpus();
  return {
    cores: os.availableParallelism?.() ?? cpus.length,
    cpuModel: cpus[0]?.model?.trim() ?? 'unknown',
    memoryGiB: gib(os.totalmem()),
    freeMemoryGiB: gib(os.freemem()),
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
    os: osName(),
    node: process.version,
    chromium,
  };
}

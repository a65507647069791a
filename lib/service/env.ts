/**
 * Reads a required environment variable. A missing or empty one throws at module load
 * (cold start), so a misconfigured function fails loudly instead of running with ''.
 */
export function requiredEnv(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name];
  if (value === undefined || value === '') throw new Error(`environment variable ${name} is required`);
  return value;
}

import { useEffect, useState } from 'preact/hooks';

/** The current time, refreshed every `intervalMs`: "waiting 4 min" and clocks move on their own. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

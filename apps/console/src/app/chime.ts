/**
 * A short, soft two-note chime, generated with Web Audio (no file to fetch, nothing for the CSP
 * to allow). Browsers only let audio start after a user gesture, so `unlockChime` is called on
 * the first click or key press; until then `playChime` is silent.
 */

let context: AudioContext | undefined;

/** Creates (or resumes) the audio context; call from a user gesture. */
export function unlockChime(): void {
  if (typeof AudioContext === 'undefined') return;
  context ??= new AudioContext();
  if (context.state === 'suspended') void context.resume();
}

/** Plays the chime now (about 0.35 s, quiet). */
export function playChime(): void {
  if (!context || context.state !== 'running') return;
  const start = context.currentTime;
  const notes = [
    { frequency: 880, at: 0 },
    { frequency: 1320, at: 0.12 },
  ];
  for (const note of notes) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = note.frequency;
    // A fast attack and an exponential fade: a "ding", not a beep.
    gain.gain.setValueAtTime(0.0001, start + note.at);
    gain.gain.exponentialRampToValueAtTime(0.12, start + note.at + 0.015);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + note.at + 0.22);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start + note.at);
    oscillator.stop(start + note.at + 0.25);
  }
}

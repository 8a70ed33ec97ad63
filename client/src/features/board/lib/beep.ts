/** One shared audio context: browsers allow it to start only after a user gesture (the sound toggle). */
let context: AudioContext | null = null;

function audioContext(): AudioContext | null {
  if (typeof window === 'undefined' || typeof window.AudioContext !== 'function') return null;
  context ??= new window.AudioContext();
  return context;
}

/** Called from the click that turns the sound on, so later beeps are allowed to play. */
export function unlockAudio(): void {
  void audioContext()?.resume();
}

/** A short two-tone chime made with WebAudio (no audio file to ship or load). */
export function playBeep(): void {
  const audio = audioContext();
  if (!audio || audio.state !== 'running') return;
  const start = audio.currentTime;
  for (const [offset, frequency] of [
    [0, 880],
    [0.18, 660],
  ] as const) {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    // A quick fade in and out avoids the click of a square start.
    gain.gain.setValueAtTime(0, start + offset);
    gain.gain.linearRampToValueAtTime(0.15, start + offset + 0.02);
    gain.gain.linearRampToValueAtTime(0, start + offset + 0.16);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(start + offset);
    oscillator.stop(start + offset + 0.17);
  }
}

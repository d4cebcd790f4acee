import { encode } from 'uqr';
import { qrRuns } from './totp-logic.ts';

const MODULE_PX = 4;

interface QrCodeProps {
  /** What the code holds (an `otpauth://` address). */
  value: string;
  /** What a screen reader says instead of the picture. */
  label: string;
}

/**
 * A QR code drawn as Preact SVG elements (no innerHTML, no inline style: the CSP allows neither).
 * The quiet zone of four modules is part of the drawing, so any background scans.
 */
export function QrCode({ value, label }: QrCodeProps) {
  const { data, size } = encode(value, { ecc: 'M', border: 4 });
  // Whole pixels per module keep every module the same size, which scanners like best.
  const pixels = size * MODULE_PX;
  return (
    <svg class="qr" width={pixels} height={pixels} viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shape-rendering="crispEdges" xmlns="http://www.w3.org/2000/svg">
      <rect class="qr-light" width={size} height={size} />
      {qrRuns(data).map((run) => (
        <rect key={`${run.x}-${run.y}`} class="qr-dark" x={run.x} y={run.y} width={run.width} height={1} />
      ))}
    </svg>
  );
}

import encodeQR from "qr";

/**
 * A QR code of `text`, drawn as SVG from the QR library's module grid (no markup injected). Dark
 * modules on a white square with a quiet zone, in print and on a dark screen alike, so phone
 * cameras read it anywhere.
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const grid = encodeQR(text, "raw", { ecc: "medium", border: 4 });
  const size = grid.length;
  let path = "";
  grid.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) path += `M${x} ${y}h1v1h-1z`;
    });
  });
  return (
    <svg
      class="qr"
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={label}
      shape-rendering="crispEdges"
    >
      <rect width={size} height={size} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}

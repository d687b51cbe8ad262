import { Image, Stack, Text, Title } from "@mantine/core";
import type { MeetingConnectLink } from "../../../api/types";

export type QrLayout = "a4" | "label";

/** Sizes on paper: an A4 sheet, or a 62 × 100 mm label (common label printers' roll width). */
const PAGE_SIZE: Record<QrLayout, string> = { a4: "A4 portrait", label: "100mm 62mm" };

/**
 * What gets printed: the system's name and address around its QR code. When printing, only this
 * sheet is visible (everything else, the app's header and navigation included, is hidden), and
 * the paper size follows the chosen layout.
 */
export function QrSheet({
  link,
  layout,
  imageUrl,
}: {
  link: MeetingConnectLink;
  layout: QrLayout;
  imageUrl: string;
}) {
  const label = layout === "label";
  return (
    <>
      <style>{printStyles(layout)}</style>
      <div className={`qr-sheet qr-sheet-${layout}`} data-testid="qr-sheet">
        <Stack gap={label ? 4 : "md"} align="center" ta="center">
          <Title order={2} size={label ? "h5" : "h1"}>
            {link.videoSystem.name}
          </Title>
          <Image
            src={imageUrl}
            alt={`MeetingConnect QR code for ${link.videoSystem.name}`}
            w={label ? "38mm" : "120mm"}
            h={label ? "38mm" : "120mm"}
            fit="contain"
          />
          <Text size={label ? "xs" : "lg"}>
            Scan with your phone to join a meeting from this video system
          </Text>
          <Text size={label ? "xs" : "md"} c="dimmed" style={{ overflowWrap: "anywhere" }}>
            {link.videoSystem.videoAddress}
          </Text>
        </Stack>
      </div>
    </>
  );
}

function printStyles(layout: QrLayout): string {
  return `
.qr-sheet { border: 1px dashed var(--mantine-color-gray-4); padding: 12mm; margin-inline: auto; background: white; }
.qr-sheet-a4 { width: min(100%, 210mm); }
.qr-sheet-label { width: 100mm; padding: 3mm; }
@media print {
  @page { size: ${PAGE_SIZE[layout]}; margin: ${layout === "label" ? "0" : "15mm"}; }
  body * { visibility: hidden !important; }
  .qr-sheet, .qr-sheet * { visibility: visible !important; }
  .qr-sheet { position: absolute; inset: 0 auto auto 0; border: none; margin: 0; }
  .qr-sheet-a4 { width: 100%; }
}`;
}

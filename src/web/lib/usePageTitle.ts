import { useEffect } from "react";

/** Every route names itself in the browser tab: "Sign in · Confero". */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Confero` : "Confero";
  }, [title]);
}

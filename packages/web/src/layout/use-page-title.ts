import { useEffect } from "react";

export const serviceName = "Tremplin";

/** The browser tab title, « Page - Tremplin »: the first thing a screen reader says on arrival. */
export function formatPageTitle(title: string): string {
  return title === serviceName ? serviceName : `${title} - ${serviceName}`;
}

/** Sets document.title for the page being shown. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = formatPageTitle(title);
  }, [title]);
}

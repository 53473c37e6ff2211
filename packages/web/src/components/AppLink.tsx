import type { AnchorHTMLAttributes, ReactNode } from "react";
import { Link, type LinkProps } from "react-router";

export type AppLinkProps =
  | (LinkProps & { href?: never })
  | (AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; to?: never; children?: ReactNode });

/**
 * The link every DSFR component renders. `to` stays inside the single-page app (client-side
 * navigation); `href` is a real page load, for what the server itself serves (/api/docs, /dev/…)
 * and would otherwise land on the app's 404.
 */
export function AppLink(props: AppLinkProps) {
  if (props.href !== undefined) {
    const { to: _to, ...anchorProps } = props;
    return <a {...anchorProps} />;
  }
  return <Link {...props} />;
}

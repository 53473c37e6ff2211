import { fr } from "@codegouvfr/react-dsfr";
import type { Role } from "@tremplin/core";
import type { ReactNode } from "react";
import { Link, Navigate, useLocation } from "react-router";
import { ApiErrorAlert } from "../components/ApiErrorAlert.js";
import { Loading } from "../components/Loading.js";
import { PageContainer } from "../components/PageContainer.js";
import { usePageTitle } from "../layout/use-page-title.js";
import { displayName, roleHomes, roleLabels, signInPathFor } from "./roles.js";
import { useMe } from "./use-me.js";

function WrongRole({ allowed, role, name }: { allowed: readonly Role[]; role: Role; name: string }) {
  usePageTitle("Accès réservé");
  return (
    <PageContainer narrow>
      <h1>Accès réservé</h1>
      <p className={fr.cx("fr-text--lead")}>
        Cet espace est réservé aux {allowed.map((r) => roleLabels[r]).join(", ")}.
      </p>
      <p>
        Vous êtes connecté en tant que {name} ({roleLabels[role]}). Votre propre espace vous attend.
      </p>
      <Link className={fr.cx("fr-btn")} to={roleHomes[role]}>
        Aller à mon espace
      </Link>
    </PageContainer>
  );
}

/**
 * Shows `children` to a signed-in person of one of `roles`. Signed out: to the sign-in page, which
 * brings them back here. Another role: says so and leads to their own space. The API checks roles
 * again on every call; this only spares people a page that cannot work for them.
 */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const me = useMe();
  const location = useLocation();

  if (me.isPending) return <Loading text="Vérification de votre connexion…" />;
  if (me.isError)
    return (
      <PageContainer narrow>
        <ApiErrorAlert error={me.error} title="Votre connexion n'a pas pu être vérifiée" />
      </PageContainer>
    );
  if (me.data === null) return <Navigate to={signInPathFor(`${location.pathname}${location.search}`)} replace />;
  if (!roles.includes(me.data.role))
    return <WrongRole allowed={roles} role={me.data.role} name={displayName(me.data)} />;
  return children;
}

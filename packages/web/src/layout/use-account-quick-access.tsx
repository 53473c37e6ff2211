import type { HeaderProps } from "@codegouvfr/react-dsfr/Header";
import type { Me } from "@tremplin/core";
import { useNavigate } from "react-router";
import { displayName, roleHomes } from "../auth/roles.js";
import { useMe, useSignOut } from "../auth/use-me.js";

/**
 * The header's account links: « Se connecter » for visitors; for a signed-in person their name
 * (leading to their space) and « Se déconnecter ». Nothing while the session is being checked, so
 * that the header does not flash « Se connecter » at people who are signed in.
 */
export function useAccountQuickAccess(): {
  me: Me | null | undefined;
  quickAccessItems: HeaderProps.QuickAccessItem[];
} {
  const me = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();

  if (me.data === undefined) return { me: undefined, quickAccessItems: [] };
  if (me.data === null) {
    return {
      me: null,
      quickAccessItems: [{ iconId: "fr-icon-lock-line", text: "Se connecter", linkProps: { to: "/connexion" } }],
    };
  }
  const person = me.data;
  return {
    me: person,
    quickAccessItems: [
      {
        iconId: "fr-icon-account-circle-fill",
        text: (
          <>
            {displayName(person)}
            <span className="fr-sr-only"> : mon espace</span>
          </>
        ),
        linkProps: { to: roleHomes[person.role] },
      },
      {
        iconId: "fr-icon-logout-box-r-line",
        text: "Se déconnecter",
        buttonProps: {
          type: "button",
          disabled: signOut.isPending,
          onClick: () =>
            signOut.mutate(undefined, {
              onSuccess: () => navigate("/connexion?deconnecte=1"),
            }),
        },
      },
    ],
  };
}

import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  contracts,
  displayName,
  formatSiret,
  type Me,
  type Member,
  type OrganisationMembers,
  withPreposition,
} from "@tremplin/core";
import { useState } from "react";
import { ApiError, callApi } from "../../api/client.js";
import { errorMessage } from "../../components/ApiErrorAlert.js";
import { Loading } from "../../components/Loading.js";
import { InviteMemberForm } from "./InviteMemberForm.js";
import { PendingInvitations } from "./PendingInvitations.js";

type Organisation = Me["organisations"][number];
const c = contracts.memberships;
const STORAGE_KEY = "tremplin.etablissement";
const live = (o: Organisation) => o.status === "active" || o.status === "certified";

/** The establishment the person works on, kept between visits (a group manages several SIRETs). */
function useCurrentOrganisation(organisations: Organisation[]) {
  const [siret, setSiret] = useState<string | null>(() => window.localStorage.getItem(STORAGE_KEY));
  const current = organisations.find((o) => o.siret === siret) ?? organisations[0];
  const choose = (next: string) => {
    window.localStorage.setItem(STORAGE_KEY, next);
    setSiret(next);
  };
  return [current, choose] as const;
}

function MemberRow({
  member,
  data,
  onAction,
  busy,
}: {
  member: Member;
  data: OrganisationMembers;
  onAction: (accountId: string, action: "accept" | "refuse" | "remove") => void;
  busy: boolean;
}) {
  const name = `${member.firstName} ${member.lastName}`;
  return (
    <tr>
      <td>
        {name}
        <br />
        <span className={fr.cx("fr-text--xs")}>{member.email}</span>
      </td>
      <td>
        <Badge small severity={member.role === "pending" ? "new" : member.role === "inactive" ? "error" : "success"}>
          {member.roleLabel}
        </Badge>
      </td>
      <td className={fr.cx("fr-text--sm")}>{member.verification?.label ?? "—"}</td>
      <td>
        {member.role === "pending" && (
          <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm", "fr-btns-group--sm")}>
            <li>
              <button
                type="button"
                className={fr.cx("fr-btn")}
                disabled={busy}
                onClick={() => onAction(member.accountId, "accept")}
              >
                Accepter {name}
              </button>
            </li>
            <li>
              <button
                type="button"
                className={fr.cx("fr-btn", "fr-btn--secondary")}
                disabled={busy}
                onClick={() => onAction(member.accountId, "refuse")}
              >
                Refuser {name}
              </button>
            </li>
          </ul>
        )}
        {data.myRole === "administrator" && member.role === "member" && (
          <button
            type="button"
            className={fr.cx("fr-btn", "fr-btn--tertiary", "fr-btn--sm")}
            disabled={busy}
            onClick={() => onAction(member.accountId, "remove")}
          >
            Retirer {name}
          </button>
        )}
      </td>
    </tr>
  );
}

function Members({ organisation }: { organisation: Organisation }) {
  const queryClient = useQueryClient();
  const key = ["members", organisation.siret, organisation.type];
  const query = useQuery({
    queryKey: key,
    queryFn: () =>
      callApi(c.listMembers, { params: { siret: organisation.siret }, query: { type: organisation.type } }),
    retry: false,
  });
  const action = useMutation({
    mutationFn: ({ accountId, kind }: { accountId: string; kind: "accept" | "refuse" | "remove" }) =>
      callApi(kind === "accept" ? c.acceptMember : kind === "refuse" ? c.refuseMember : c.removeMember, {
        params: { siret: organisation.siret, accountId },
        query: { type: organisation.type },
      }),
    onSuccess: (data) => queryClient.setQueryData(key, data),
  });
  if (query.isPending) return <Loading text="Chargement des membres…" />;
  if (query.error) {
    const notVerified = query.error instanceof ApiError && query.error.code === "ORGANISATION_NOT_VERIFIED";
    return (
      <Alert
        severity={notVerified ? "info" : "error"}
        small
        title={notVerified ? "Votre lien avec cet établissement n'est pas encore vérifié" : undefined}
        description={errorMessage(query.error)}
      />
    );
  }
  const data = query.data;
  return (
    <>
      {action.error && (
        <Alert severity="error" small description={errorMessage(action.error)} className={fr.cx("fr-mb-2w")} />
      )}
      <div className={fr.cx("fr-table", "fr-table--no-caption")}>
        <table>
          <caption>Membres {withPreposition("de", displayName(data.name))}</caption>
          <thead>
            <tr>
              <th scope="col">Personne</th>
              <th scope="col">Rôle</th>
              <th scope="col">Vérification</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {data.members.map((m) => (
              <MemberRow
                key={m.accountId}
                member={m}
                data={data}
                busy={action.isPending}
                onAction={(accountId, kind) => action.mutate({ accountId, kind })}
              />
            ))}
          </tbody>
        </table>
      </div>
      {(data.myRole === "administrator" || data.myRole === "member") && (
        <>
          <PendingInvitations data={data} membersKey={key} />
          <InviteMemberForm siret={organisation.siret} type={organisation.type} membersKey={key} />
        </>
      )}
    </>
  );
}

/**
 * « Mon organisation »: the establishment the person works on (switch when they have several),
 * its members, pending requests to accept or refuse, and how each link was verified (ADR 009).
 */
export function MembersSection({ organisations }: { organisations: Me["organisations"] }) {
  const usable = organisations.filter(live);
  const [current, choose] = useCurrentOrganisation(usable);
  if (!current) return null;
  return (
    <section aria-labelledby="titre-membres" className={fr.cx("fr-mb-6w")}>
      <h2 id="titre-membres">Mon organisation</h2>
      {usable.length > 1 && (
        <Select
          label="Établissement sur lequel vous travaillez"
          nativeSelectProps={{ value: current.siret, onChange: (e) => choose(e.target.value) }}
        >
          {usable.map((o) => (
            <option key={o.accountId} value={o.siret}>
              {o.name} — SIRET {formatSiret(o.siret)}
            </option>
          ))}
        </Select>
      )}
      <Members key={`${current.siret}-${current.type}`} organisation={current} />
    </section>
  );
}

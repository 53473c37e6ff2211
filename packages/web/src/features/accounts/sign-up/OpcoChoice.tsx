import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { useQuery } from "@tanstack/react-query";
import { contracts } from "@tremplin/core";
import { callApi } from "../../../api/client.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { Loading } from "../../../components/Loading.js";

export const opcoFieldId = "inscription-opco";
/** DSFR numbers the radio buttons `<fieldset id>-<index>`: the error summary leads to the first one. */
export const firstOpcoInputId = `${opcoFieldId}-0`;
/** The sign-up API's word for « je ne sais pas ». */
export const unknownOpco = "unknown";

interface OpcoChoiceProps {
  value: string;
  onChange: (opcoId: string) => void;
  error?: string;
}

/** The 11 OPCOs and « Je ne sais pas », when the collective agreement does not tell the OPCO. */
export function OpcoChoice({ value, onChange, error }: OpcoChoiceProps) {
  const opcos = useQuery({
    queryKey: ["opcos"],
    queryFn: ({ signal }) => callApi(contracts.referential.listOpcos, { signal }),
  });
  if (opcos.isPending) return <Loading text="Chargement de la liste des OPCO…" />;
  if (opcos.isError) return <ApiErrorAlert error={opcos.error} title="La liste des OPCO n'a pas pu être chargée" />;

  const options = [
    ...opcos.data.map((opco) => ({ value: opco.id, label: opco.name, hint: opco.fullName })),
    {
      value: unknownOpco,
      label: "Je ne sais pas",
      hint: "L'équipe Tremplin trouvera votre OPCO ; vos offres sont publiées sans attendre.",
    },
  ];
  return (
    <RadioButtons
      id={opcoFieldId}
      legend="Quel est votre OPCO ?"
      hintText="L'opérateur de compétences finance l'apprentissage dans votre secteur et certifie votre compte. Il figure souvent sur vos bulletins de paie ou auprès de votre expert-comptable."
      name="opco"
      state={error ? "error" : "default"}
      stateRelatedMessage={error}
      options={options.map((option) => ({
        label: option.label,
        hintText: option.hint,
        nativeInputProps: {
          value: option.value,
          checked: value === option.value,
          onChange: () => onChange(option.value),
        },
      }))}
    />
  );
}

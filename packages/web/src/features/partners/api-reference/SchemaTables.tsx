import { StackedTable } from "../../../components/StackedTable.js";
import type { FieldView, ParameterView } from "./openapi-view.js";

function Details({ details }: { details: string[] }) {
  if (details.length === 0) return null;
  return (
    <>
      {details.map((detail) => (
        <span key={detail} className="app-api-detail">
          {detail}
        </span>
      ))}
    </>
  );
}

export function ParametersTable({ caption, parameters }: { caption: string; parameters: ParameterView[] }) {
  return (
    <StackedTable small caption={caption} head={["Paramètre", "Emplacement", "Type", "Description"]}>
      {parameters.map((parameter) => (
        <tr key={`${parameter.where}-${parameter.name}`}>
          <th scope="row">
            <code>{parameter.name}</code>
            <span className="app-api-detail">{parameter.required ? "obligatoire" : "facultatif"}</span>
          </th>
          <td data-label="Emplacement">{parameter.where}</td>
          <td data-label="Type">{parameter.type}</td>
          <td data-label="Description">
            <Details details={parameter.details} />
          </td>
        </tr>
      ))}
    </StackedTable>
  );
}

/** The fields of a body; a child field is indented under its parent and named with its path. */
export function FieldsTable({ caption, fields }: { caption: string; fields: FieldView[] }) {
  const path: string[] = [];
  return (
    <StackedTable small caption={caption} head={["Champ", "Type", "Description"]}>
      {fields.map((field, index) => {
        path[field.depth] = field.name;
        const fullName = path.slice(0, field.depth + 1).join(".");
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the same path can appear twice in a union; rows never move.
          <tr key={`${fullName}-${index}`}>
            <th scope="row" style={{ paddingLeft: `${0.75 + field.depth * 1.25}rem` }}>
              <code>{fullName}</code>
              <span className="app-api-detail">{field.required ? "obligatoire" : "facultatif"}</span>
            </th>
            <td data-label="Type">{field.type}</td>
            <td data-label="Description">
              <Details details={field.details} />
            </td>
          </tr>
        );
      })}
    </StackedTable>
  );
}

import { css } from 'lit';

/** Labelled fields, radios and the error beside a field; only components with fields load these. */
export const formStyles = css`
  .field {
    margin-bottom: 12px;
  }
  label,
  legend {
    display: block;
    font-weight: 600;
  }
  input,
  select,
  textarea {
    box-sizing: border-box;
    width: 100%;
    padding: 6px;
    border: 1px solid #cfd7df;
    border-radius: 4px;
    font: inherit;
  }
  [aria-invalid='true'] {
    border-color: #d72d30;
  }
  .radio {
    display: inline;
    font-weight: 400;
    margin-right: 16px;
  }
  .radio input {
    width: auto;
  }
`;

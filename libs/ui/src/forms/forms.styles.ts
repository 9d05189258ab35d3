import { css } from 'lit';

/**
 * Labelled fields, radios and the error beside a field; only components with fields load these. A form's buttons stay
 * in view at the bottom while its fields scroll (a modal is as short as 420 px), and `.row` puts short fields side by
 * side where there is room.
 */
export const formStyles = css`
  .field {
    margin-bottom: 8px;
  }
  .row {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(150px, 1fr));
    gap: 0 12px;
  }
  form > .actions {
    position: sticky;
    bottom: 0;
    margin: 0;
    padding: 8px 0;
    background: #fff;
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

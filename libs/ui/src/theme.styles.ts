import { css } from 'lit';

/**
 * The Freshworks CRM look (its Bootstrap 3 based style guide) inside our shadow roots, where the product's stylesheet
 * cannot reach: `btn`/`btn-primary`, `muted`, `alert`, `fw-divider`. Every placeholder loads it: keep it small.
 */
export const theme = css`
  :host {
    display: block;
    font: 14px/1.43 -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif;
    color: #12344d;
  }
  h2 {
    font-size: 12px;
    text-transform: uppercase;
    color: #475867;
    margin: 12px 0 4px;
  }
  p {
    margin: 4px 0;
  }
  ul,
  fieldset {
    list-style: none;
    margin: 0;
    padding: 0;
    border: 0;
  }
  .btn {
    padding: 5px 12px;
    border: 1px solid #cfd7df;
    border-radius: 4px;
    background: #f3f5f7;
    color: inherit;
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  .btn-primary {
    background: #2c5cc5;
    border-color: #2c5cc5;
    color: #fff;
  }
  .btn:disabled {
    opacity: 0.6;
  }
  :focus-visible {
    outline: 2px solid #2c5cc5;
  }
  .muted {
    color: #475867;
    font-size: 12px;
  }
  .error {
    color: #d72d30;
  }
  .alert {
    padding: 8px;
    background: #ffecf0;
  }
  .fw-divider {
    border-top: 1px solid #ebeff3;
  }
  .actions {
    display: flex;
    gap: 8px;
    margin: 12px 0;
  }
`;

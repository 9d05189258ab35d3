import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    font: 14px/1.43 -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif;
    color: #12344d;
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    border-bottom: 1px solid #ebeff3;
  }
  button.call {
    all: unset;
    box-sizing: border-box;
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 2px 8px;
    width: 100%;
    padding: 8px 4px;
    cursor: pointer;
  }
  button.call:focus-visible {
    outline: 2px solid #2c5cc5;
    outline-offset: -2px;
  }
  .meta {
    color: #475867;
    font-size: 12px;
  }
  .notes {
    grid-column: 1 / -1;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .empty {
    color: #475867;
    padding: 8px 4px;
  }
`;

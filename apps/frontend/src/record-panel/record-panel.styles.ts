import { css } from 'lit';

export const styles = css`
  :host {
    padding: 8px 12px;
  }
  .heading {
    display: flex;
    justify-content: space-between;
    align-items: center;
  }
  .summary {
    display: flex;
    gap: 24px;
    margin: 0;
  }
  dd {
    margin: 0;
    font-weight: 600;
  }
`;

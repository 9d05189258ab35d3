import { css } from 'lit';

export const styles = css`
  :host {
    padding: 8px 12px;
  }
  .matches li {
    display: flex;
    justify-content: space-between;
    align-items: center;
    padding: 6px 0;
    border-bottom: 1px solid #ebeff3;
  }
`;

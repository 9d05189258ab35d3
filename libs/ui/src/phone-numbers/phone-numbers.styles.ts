import { css } from 'lit';

export const styles = css`
  li {
    display: flex;
    align-items: center;
    gap: 8px;
    padding: 4px 0;
  }
  button {
    margin-left: auto;
  }
`;

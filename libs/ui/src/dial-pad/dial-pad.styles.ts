import { css } from 'lit';

export const styles = css`
  .keys {
    display: grid;
    grid-template-columns: repeat(3, 1fr);
    gap: 6px;
  }
  .keys .btn {
    padding: 8px;
    font-size: 16px;
  }
`;

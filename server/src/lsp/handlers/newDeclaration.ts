import { renderDeclaration } from '../../core/fixes';
import { NewDeclarationRequest, type NewDeclarationParams, type NewDeclarationResult } from '../../../../shared/protocol';
import { ClientError, type CadreServer } from '../server';

/** cadreIa/newDeclaration: the text of a complete declaration skeleton, and a file name. */
export function register(s: CadreServer): void {
  s.connection.onRequest(
    NewDeclarationRequest,
    s.safe(NewDeclarationRequest.method, (params: NewDeclarationParams): NewDeclarationResult => {
      if (typeof params?.nom !== 'string' || typeof params.direction !== 'string') throw new ClientError('nom and direction must be strings');
      if (params.id !== undefined && typeof params.id !== 'string') throw new ClientError('id must be a string');
      return renderDeclaration({ nom: params.nom, direction: params.direction, id: params.id });
    }),
  );
}

/** The GridFS file store on FerretDB with its PostgreSQL backend (see store-specifics.test.ts). */
import '../integration/store/mongo-file-store.test';

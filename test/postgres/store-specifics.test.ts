/**
 * Store checks beyond the contracts, as the integration project runs them on FerretDB/SQLite: index
 * creation by several instances at once, the atomic ticket counter, the L0 learning documents. Here on
 * FerretDB with its PostgreSQL backend (this project's setup file points openTestDatabase at it).
 */
import '../integration/store/ensure-indexes.test';
import '../integration/store/mongo-l0-learning.test';

"""People, their roles and their signing keys (Qt-free).

``roles`` says what each role may do (data in ``resources/roles.toml``), ``passwords`` hashes and
checks passwords, ``keys`` makes and uses Ed25519 signing keys, and ``users`` keeps the directory of
people in the database through :class:`ketaconsole.storage.database.Database`.
"""

;; Exports a memory but no _start: not a command.
(module (memory (export "memory") 1))

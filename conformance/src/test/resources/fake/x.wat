(module (func unknown.operator))

# lint module

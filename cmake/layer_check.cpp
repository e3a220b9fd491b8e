// The program of each layer check (cmake/areas.cmake): it exists to be linked, with one area's every object and
// only the libraries that area declares; it is never run.
int main() { return 0; }

/* Reference for the lint benchmark: the cost of merely tokenising YAML.
 * Reads each file named on the command line (whole file into memory, as readyctl does) and runs libyaml's event
 * parser to the end, counting events. Prints "files events". Exit 1 on a parse error. */
#include <stdio.h>
#include <stdlib.h>

#include <yaml.h>

static unsigned char* slurp(const char* path, size_t* size)
{
  FILE* f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  unsigned char* buf = malloc(n > 0 ? (size_t)n : 1);
  *size = buf ? fread(buf, 1, (size_t)n, f) : 0;
  fclose(f);
  return buf;
}

int main(int argc, char** argv)
{
  unsigned long events = 0;
  for (int i = 1; i < argc; ++i) {
    size_t size = 0;
    unsigned char* text = slurp(argv[i], &size);
    if (!text) {
      fprintf(stderr, "%s: cannot read\n", argv[i]);
      return 1;
    }
    yaml_parser_t parser;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, text, size);
    for (;;) {
      yaml_event_t event;
      if (!yaml_parser_parse(&parser, &event)) {
        fprintf(stderr, "%s:%lu:%lu: %s\n", argv[i], (unsigned long)parser.problem_mark.line + 1,
                (unsigned long)parser.problem_mark.column + 1, parser.problem ? parser.problem : "parse error");
        return 1;
      }
      ++events;
      int done = event.type == YAML_STREAM_END_EVENT;
      yaml_event_delete(&event);
      if (done) break;
    }
    yaml_parser_delete(&parser);
    free(text);
  }
  printf("%d %lu\n", argc - 1, events);
  return 0;
}

/*
 * completions.c - shell completion scripts for bash, zsh and fish, written from a
 * tool's option table, so that a new option is completed the day it is added.
 *
 * What an option's argument completes to is read off the table: -f's formats from
 * cli->writes, file names when the argument's name says FILE, DIR or PREFIX (or the row
 * is --output), nothing otherwise (a number, a list, a name). Operands are files.
 */
#include <string.h>

#include "cli.h"

/* Does the row's argument name a path? */
static int takes_path(const ag_cli_opt *o)
{
    return o->arg && (strstr(o->arg, "FILE") || strstr(o->arg, "DIR") || strstr(o->arg, "PREFIX") ||
                      strcmp(o->name, "output") == 0);
}

/* The shell function's name: "_ag_extract" for ag-extract. */
static void func_name(const ag_cli *cli, char *buf, size_t size)
{
    snprintf(buf, size, "_%s", cli->prog);
    for (char *p = buf; *p; p++)
        if (*p == '-')
            *p = '_';
}

/* s inside single quotes for sh and zsh ('\'' for a quote); zsh's _arguments also reads
 * brackets and colons in a description, so those become parentheses and commas there. */
static void put_quoted(FILE *f, const char *s, int zsh)
{
    for (; *s; s++) {
        if (*s == '\'')
            fputs("'\\''", f);
        else if (zsh && (*s == '[' || *s == ']'))
            fputc(*s == '[' ? '(' : ')', f);
        else if (zsh && *s == ':')
            fputc(',', f);
        else
            fputc(*s, f);
    }
}

static void bash(const ag_cli *cli, FILE *f, const char *fn, const char *formats)
{
    fprintf(f, "# bash completion for %s (written by `%s --completions bash`)\n", cli->prog,
            cli->prog);
    fprintf(f, "%s()\n{\n    local cur=${COMP_WORDS[COMP_CWORD]} prev=\n", fn);
    fputs("    [ \"$COMP_CWORD\" -gt 0 ] && prev=${COMP_WORDS[COMP_CWORD-1]}\n", f);
    fputs("    case $prev in\n", f);
    for (const ag_cli_opt *o = cli->opts; o->name; o++) {
        if (!o->arg)
            continue;
        fprintf(f, "    --%s", o->name);
        if (o->letter)
            fprintf(f, "|-%c", o->letter);
        if (o->type == AG_CLI_FORMAT)
            fprintf(f, ")\n        COMPREPLY=($(compgen -W '%s' -- \"$cur\"))\n", formats);
        else if (takes_path(o))
            fputs(")\n        COMPREPLY=($(compgen -f -- \"$cur\"))\n", f);
        else
            fputs(")\n        COMPREPLY=()\n", f);
        fputs("        return ;;\n", f);
    }
    fputs("    esac\n    case $cur in\n    -*)\n        COMPREPLY=($(compgen -W '", f);
    for (const ag_cli_opt *o = cli->opts; o->name; o++) {
        fprintf(f, "%s--%s", o == cli->opts ? "" : " ", o->name);
        if (o->letter)
            fprintf(f, " -%c", o->letter);
    }
    fputs("' -- \"$cur\")) ;;\n    *)\n        COMPREPLY=($(compgen -f -- \"$cur\")) ;;\n"
          "    esac\n}\n",
          f);
    fprintf(f, "complete -o filenames -o bashdefault -F %s %s\n", fn, cli->prog);
}

static void zsh(const ag_cli *cli, FILE *f, const char *formats)
{
    fprintf(f, "#compdef %s\n# zsh completion for %s (written by `%s --completions zsh`)\n",
            cli->prog, cli->prog, cli->prog);
    fputs("_arguments -s -S \\\n", f);
    for (const ag_cli_opt *o = cli->opts; o->name; o++) {
        /* '(-o --output)'{-o,--output}'[help]:FILE:_files' */
        if (o->letter)
            fprintf(f, "  '(-%c --%s)'{-%c,--%s}'", o->letter, o->name, o->letter, o->name);
        else
            fprintf(f, "  '--%s", o->name);
        fputc('[', f);
        put_quoted(f, o->help, 1);
        fputc(']', f);
        if (o->arg) {
            fputc(':', f);
            put_quoted(f, o->arg, 1);
            fputc(':', f);
            if (o->type == AG_CLI_FORMAT)
                fprintf(f, "(%s)", formats);
            else if (takes_path(o))
                fputs("_files", f);
            else
                fputs(" ", f); /* a value to type: no suggestions */
        }
        fputs("' \\\n", f);
    }
    fputs("  '*:input:_files'\n", f);
}

static void fish(const ag_cli *cli, FILE *f, const char *formats)
{
    fprintf(f, "# fish completion for %s (written by `%s --completions fish`)\n", cli->prog,
            cli->prog);
    for (const ag_cli_opt *o = cli->opts; o->name; o++) {
        fprintf(f, "complete -c %s", cli->prog);
        if (o->letter)
            fprintf(f, " -s %c", o->letter);
        fprintf(f, " -l %s", o->name);
        if (o->type == AG_CLI_FORMAT)
            fprintf(f, " -x -a '%s'", formats);
        else if (takes_path(o))
            fputs(" -r -F", f);
        else if (o->arg)
            fputs(" -x", f);
        fputs(" -d '", f);
        put_quoted(f, o->help, 0);
        fputs("'\n", f);
    }
}

int ag_cli_completions(const ag_cli *cli, const char *shell, FILE *f)
{
    char fn[64], formats[256];

    func_name(cli, fn, sizeof fn);
    ag_cli_format_list(cli, " ", formats, sizeof formats);
    if (strcmp(shell, "bash") == 0)
        bash(cli, f, fn, formats);
    else if (strcmp(shell, "zsh") == 0)
        zsh(cli, f, formats);
    else if (strcmp(shell, "fish") == 0)
        fish(cli, f, formats);
    else
        return -1;
    return 0;
}

console.log("cli: not yet wired");

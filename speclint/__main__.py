from speclint.quick import main

if __name__ == "__main__":
    main()
